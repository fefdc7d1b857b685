// A validated decimal input (negative and fractional values allowed, unlike web/widgets/number-field's
// whole numbers): bad input gets a message next to the field, the last good value stays in force.

export interface DecimalFieldOptions {
  label: string;
  min: number;
  max: number;
  onChange(value: number): void;
}

export interface DecimalField {
  value(): number;
  set(value: number): void;
}

/** "1.5", "-2", "−2" (a typographic minus), "1e-1" and "+3" parse; anything else is undefined. */
export function parseDecimal(text: string): number | undefined {
  const cleaned = text.trim().replace(/\u2212/g, '-').replace(/[_\s]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

/** Up to 3 decimals, no trailing zeros, no "-0". */
export function formatDecimal(value: number): string {
  const text = String(Number(value.toFixed(3)));
  return text === '-0' ? '0' : text;
}

export function decimalField(input: HTMLInputElement, message: HTMLElement, options: DecimalFieldOptions): DecimalField {
  let current = parseDecimal(input.value) ?? 0;
  message.setAttribute('role', 'alert');
  input.setAttribute('aria-describedby', message.id);

  const commit = () => {
    const parsed = parseDecimal(input.value);
    if (parsed === undefined || parsed < options.min || parsed > options.max) {
      input.setAttribute('aria-invalid', 'true');
      message.textContent = `${options.label} must be a number from ${options.min} to ${options.max}; keeping ${formatDecimal(current)}.`;
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
