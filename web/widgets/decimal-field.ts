// A validated decimal input (the shared number field takes whole numbers only): bad input gets a
// message next to the field, the last good value stays in force, and nothing else breaks.
// Lessons choose how values are shown (`format`), an optional unit, and how the message repeats
// the rejected text (`quote`), so each keeps the wording its prose and tests use.

export interface DecimalFieldOptions {
  label: string;
  min: number;
  max: number;
  /** Appended to the range in messages: "0.1 to 100,000 N/m". */
  unit?: string;
  /** How the message repeats rejected text: ', got “x”' (default), ', not “x”', or not at all. */
  quote?: 'got' | 'not' | 'none';
  /** How values are written into the box and the message (default formatDecimal). */
  format?: (value: number) => string;
  /** Extra rule on a parsed value; returns the problem in words, or null when fine. */
  check?: (value: number) => string | null;
  onChange(value: number): void;
}

export interface DecimalField {
  readonly input: HTMLInputElement;
  value(): number;
  /** Shows a value (from the URL, a slider or the engine) without calling onChange. */
  set(value: number): void;
  /** Shows `problem` next to the field (as for typed input) and keeps the last good value. */
  reject(problem: string): void;
}

/** Parses "1.5", "-2", "1e-3", "−2" (Unicode minus) and "+3"; anything else is undefined. */
export function parseDecimal(text: string): number | undefined {
  const cleaned = text.trim().replace(/\u2212/g, '-').replace(/[_\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

export const formatDecimal = (value: number) => String(+value.toPrecision(12));

/** Up to 3 decimals, no trailing zeros, no "-0" (coordinates, angles, scales). */
export function formatFixed3(value: number): string {
  const text = String(Number(value.toFixed(3)));
  return text === '-0' ? '0' : text;
}

/** Six significant digits (physical quantities, learning rates). */
export const formatSignificant6 = (value: number) => String(Number(value.toPrecision(6)));

/** Limits in messages: whole thousands with separators (1,000,000), anything else in full (0.0001). */
const formatLimit = (value: number) =>
  Number.isInteger(value) && Math.abs(value) >= 1000 ? value.toLocaleString('en-US') : formatDecimal(value);

export function decimalField(input: HTMLInputElement, message: HTMLElement, options: DecimalFieldOptions): DecimalField {
  const format = options.format ?? formatDecimal;
  let current = parseDecimal(input.value) ?? Math.min(Math.max(0, options.min), options.max);
  message.setAttribute('role', 'alert');
  input.setAttribute('aria-describedby', message.id);
  const range = `${formatLimit(options.min)} to ${formatLimit(options.max)}${options.unit ? ` ${options.unit}` : ''}`;

  const reject = (problem: string) => {
    input.setAttribute('aria-invalid', 'true');
    message.textContent = `${options.label} ${problem}; keeping ${format(current)}.`;
  };
  const quoted = (text: string) => {
    if (options.quote === 'none') return '';
    if (options.quote === 'not') return `, not ${text === '' ? 'an empty box' : `“${text}”`}`;
    return `, got “${text}”`;
  };
  const commit = () => {
    const parsed = parseDecimal(input.value);
    if (parsed === undefined || parsed < options.min || parsed > options.max) {
      reject(`must be a number from ${range}${quoted(input.value.trim())}`);
      return;
    }
    const problem = options.check?.(parsed);
    if (problem) {
      reject(problem);
      return;
    }
    input.removeAttribute('aria-invalid');
    message.textContent = '';
    if (parsed !== current) {
      current = parsed;
      options.onChange(parsed);
    }
  };
  input.addEventListener('change', commit);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
  });

  return {
    input,
    value: () => current,
    set(value) {
      current = value;
      input.value = format(value);
      input.removeAttribute('aria-invalid');
      message.textContent = '';
    },
    reject,
  };
}
