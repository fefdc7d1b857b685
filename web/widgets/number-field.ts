// A validated whole-number input: bad input gets a message next to the field, the last good value
// stays in force, and nothing else on the page breaks.

export interface NumberFieldOptions {
  label: string;
  min: number;
  max: number;
  /** Called with each new valid value. */
  onChange(value: number): void;
}

export interface NumberField {
  value(): number;
  set(value: number): void;
  setMax(max: number): void;
}

/** Parses "1000000", "1,000,000", "1_000_000" and "1e6" as whole numbers. */
export function parseWholeNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  if (!/^\d+(\.\d+)?([eE]\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : undefined;
}

export function numberField(input: HTMLInputElement, message: HTMLElement, options: NumberFieldOptions): NumberField {
  let max = options.max;
  let current = parseWholeNumber(input.value) ?? options.min;
  message.setAttribute('role', 'alert');
  input.setAttribute('aria-describedby', message.id);

  const commit = () => {
    const parsed = parseWholeNumber(input.value);
    if (parsed === undefined || parsed < options.min || parsed > max) {
      input.setAttribute('aria-invalid', 'true');
      message.textContent = `${options.label} must be a whole number from ${options.min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}; keeping ${current.toLocaleString('en-US')}.`;
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
      input.value = String(value);
      input.removeAttribute('aria-invalid');
      message.textContent = '';
    },
    setMax(value) {
      max = value;
      input.max = String(value);
    },
  };
}
