// Lesson state as one typed table serialized to location.hash (STYLE.md 12): every experiment is a
// shareable URL. Missing or invalid entries fall back to their defaults.
import { formatSignificant6 } from '../widgets/decimal-field';

export interface Field<T> {
  defaultValue: T;
  parse(text: string): T | undefined;
  format(value: T): string;
}

export function intField(defaultValue: number, min: number, max: number): Field<number> {
  return {
    defaultValue,
    parse(text) {
      const value = Number(text);
      return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
    },
    format: (value) => String(value),
  };
}

/** A number in [min, max], written with six significant digits (learning rates, spreads). */
export function decimalHash(defaultValue: number, min: number, max: number): Field<number> {
  return {
    defaultValue,
    parse: (t) => (t.trim() !== '' && Number.isFinite(Number(t)) && Number(t) >= min && Number(t) <= max ? Number(t) : undefined),
    format: formatSignificant6,
  };
}

/** Text of at most `maxLength` characters, the empty text included (column names, lists). */
export function textField(defaultValue: string, maxLength: number): Field<string> {
  return { defaultValue, parse: (t) => (t.length <= maxLength ? t : undefined), format: (v) => v };
}

export function choiceField<T extends string>(defaultValue: T, choices: readonly T[]): Field<T> {
  return {
    defaultValue,
    parse: (text) => (choices as readonly string[]).includes(text) ? (text as T) : undefined,
    format: (value) => value,
  };
}

export type Fields<S> = { [K in keyof S]: Field<S[K]> };

export class HashState<S extends object> {
  constructor(private readonly fields: Fields<S>) {}

  read(): S {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const state = {} as S;
    for (const key of Object.keys(this.fields) as (keyof S & string)[]) {
      const field = this.fields[key];
      const text = params.get(key);
      const parsed = text === null ? undefined : field.parse(text);
      state[key] = parsed === undefined ? field.defaultValue : parsed;
    }
    return state;
  }

  write(state: S): void {
    const params = new URLSearchParams();
    for (const key of Object.keys(this.fields) as (keyof S & string)[]) {
      params.set(key, this.fields[key].format(state[key]));
    }
    history.replaceState(null, '', `#${params.toString()}`);
  }
}
