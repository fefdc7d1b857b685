// A validated decimal input (the shared number field takes whole numbers only): bad input gets a
// message next to the field, the last good value stays in force, and nothing else breaks.

export interface DecimalFieldOptions {
  label: string;
  min: number;
  max: number;
  /** Extra rule on a parsed value; returns the problem in words, or null when fine. */
  check?: (value: number) => string | null;
  onChange(value: number): void;
}

export interface DecimalField {
  value(): number;
  set(value: number): void;
  /** Shows `problem` next to the field (as for typed input) and keeps the last good value. */
  reject(problem: string): void;
}

/** Parses "1.5", "-2", "1e-3", "−2" (Unicode minus) and "pi"-free plain decimals. */
export function parseDecimal(text: string): number | undefined {
  const cleaned = text.trim().replace(/\u2212/g, '-').replace(/[_\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

export const formatDecimal = (value: number) => String(+value.toPrecision(12));

/** Limits in messages: whole thousands with separators (1,000,000), anything else in full (0.0001). */
const formatLimit = (value: number) =>
  Number.isInteger(value) && Math.abs(value) >= 1000 ? value.toLocaleString('en-US') : formatDecimal(value);

export function decimalField(input: HTMLInputElement, message: HTMLElement, options: DecimalFieldOptions): DecimalField {
  let current = parseDecimal(input.value) ?? 0;
  message.setAttribute('role', 'alert');
  input.setAttribute('aria-describedby', message.id);

  const reject = (problem: string) => {
    input.setAttribute('aria-invalid', 'true');
    message.textContent = `${options.label} ${problem}; keeping ${formatDecimal(current)}.`;
  };
  const commit = () => {
    const parsed = parseDecimal(input.value);
    if (parsed === undefined || parsed < options.min || parsed > options.max) {
      reject(`must be a number from ${formatLimit(options.min)} to ${formatLimit(options.max)}, got “${input.value.trim()}”`);
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
    value: () => current,
    set(value) {
      current = value;
      input.value = formatDecimal(value);
      input.removeAttribute('aria-invalid');
      message.textContent = '';
    },
    reject,
  };
}
