// A validated decimal input (the shared number-field takes whole numbers only): bad input gets a
// message next to the field, the last good value stays in force, nothing else breaks.

export interface DecimalFieldOptions {
  label: string;
  unit: string;
  min: number;
  max: number;
  onChange(value: number): void;
}

export interface DecimalField {
  value(): number;
  /** Shows a value (from the URL, the slider or the engine) without calling onChange. */
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

export function decimalField(input: HTMLInputElement, message: HTMLElement, options: DecimalFieldOptions): DecimalField {
  let current = parseDecimal(input.value) ?? options.min;
  message.setAttribute('role', 'alert');
  input.setAttribute('aria-describedby', message.id);
  const range = `${formatDecimal(options.min)} to ${options.max.toLocaleString('en-US')}${options.unit ? ` ${options.unit}` : ''}`;

  const commit = () => {
    const parsed = parseDecimal(input.value);
    if (parsed === undefined || parsed < options.min || parsed > options.max) {
      input.setAttribute('aria-invalid', 'true');
      const shown = input.value.trim() === '' ? 'an empty box' : `“${input.value.trim()}”`;
      message.textContent = `${options.label} must be a number from ${range}, not ${shown}; keeping ${formatDecimal(current)}.`;
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
  };
}
