// A validated decimal input (the shared number-field takes whole numbers only): bad input gets a
// message next to the field naming the bad value, the last good value stays, nothing else breaks.

export interface DecimalInputOptions {
  label: string;
  min: number;
  max: number;
  onChange(value: number): void;
}

export interface DecimalInput {
  readonly input: HTMLInputElement;
  value(): number;
  /** Shows a value (from the URL) without calling onChange. */
  set(value: number): void;
}

/** "0.01", "1e-2", "1,600" → number; anything else → undefined. */
export function parseDecimal(text: string): number | undefined {
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

export function formatDecimal(value: number): string {
  return String(Number(value.toPrecision(6)));
}

export function decimalInput(input: HTMLInputElement, message: HTMLElement, options: DecimalInputOptions): DecimalInput {
  let current = parseDecimal(input.value) ?? options.min;
  message.setAttribute('role', 'alert');
  input.setAttribute('aria-describedby', message.id);
  const commit = () => {
    const parsed = parseDecimal(input.value);
    if (parsed === undefined || parsed < options.min || parsed > options.max) {
      input.setAttribute('aria-invalid', 'true');
      const shown = input.value.trim() === '' ? 'an empty box' : `“${input.value.trim()}”`;
      message.textContent = `${options.label} must be a number from ${formatDecimal(options.min)} to ${options.max.toLocaleString('en-US')}, not ${shown}; keeping ${formatDecimal(current)}.`;
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
      input.value = formatDecimal(value);
      input.removeAttribute('aria-invalid');
      message.textContent = '';
    },
  };
}
