// The checked exercise at the end of a lesson: a numeric answer within a relative tolerance, a hint,
// a revealable solution, and progress kept in localStorage under "mlplay:exercise:<slug>".
import { parseWholeNumber } from './number-field';

export function setupExercise(slug: string, section: HTMLElement): void {
  const form = section.querySelector<HTMLFormElement>('form.exercise-form');
  const feedback = section.querySelector<HTMLElement>('.exercise-feedback');
  if (!form || !feedback) return;
  const input = form.querySelector<HTMLInputElement>('input[name="answer"]')!;
  const answer = Number(form.dataset.answer);
  const tolerance = Number(form.dataset.tolerance ?? '0.01');
  const key = `mlplay:exercise:${slug}`;

  const show = (selector: string) => {
    const panel = section.querySelector<HTMLElement>(selector);
    if (panel) panel.hidden = false;
  };
  const markSolved = () => {
    feedback.textContent = 'Correct — well done. (Saved in this browser.)';
    feedback.dataset.state = 'correct';
  };
  if (localStorage.getItem(key) === 'solved') markSolved();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const value = parseWholeNumber(text) ?? Number(text.replace(/,/g, ''));
    if (text === '' || !Number.isFinite(value)) {
      feedback.textContent = 'Type a number, for example 1000000 or 1e6.';
      feedback.dataset.state = 'invalid';
      return;
    }
    if (Math.abs(value - answer) <= tolerance * Math.abs(answer)) {
      localStorage.setItem(key, 'solved');
      markSolved();
    } else {
      feedback.textContent = `Not quite: ${value.toLocaleString('en-US')} is ${value < answer ? 'too few' : 'too many'}. Try the hint.`;
      feedback.dataset.state = 'wrong';
    }
  });
  section.querySelector('.exercise-hint-button')?.addEventListener('click', () => show('.exercise-hint'));
  section.querySelector('.exercise-solution-button')?.addEventListener('click', () => show('.exercise-solution'));
}
