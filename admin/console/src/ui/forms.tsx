// Form parts with labels, hints and errors tied to their inputs, so a screen
// reader says which field is wrong, and an error summary at the top that names
// each problem (the server names the field: "/given_name").
import type { ComponentChildren, JSX } from 'preact';
import { ApiError, describeError } from '../api';

let nextId = 0;
export function uid(prefix: string): string {
  return `${prefix}-${++nextId}`;
}

export function fieldOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.field) return null;
  return error.field.replace(/^\//, '').split('/')[0] ?? null;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: ComponentChildren;
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={id + '-hint'}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={id + '-error'}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  const parts = [hint ? id + '-hint' : '', error ? id + '-error' : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value' | 'id'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  onValue: (v: string) => void;
};

export function TextInput({ id, label, hint, error, value, onValue, ...rest }: InputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        {...rest}
      />
    </Field>
  );
}

type TextAreaProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  required?: boolean;
  rows?: number;
  onValue: (v: string) => void;
};

export function TextArea({ id, label, hint, error, value, onValue, required, rows }: TextAreaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={id}
        rows={rows ?? 3}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onValue((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </Field>
  );
}

type SelectProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  options: { value: string; label: string }[];
  onValue: (v: string) => void;
  required?: boolean;
};

export function Select({ id, label, hint, error, value, options, onValue, required }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
      >
        {options.map((o) => (
          <option value={o.value} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

// The error a form got from the server, at the top of the form.
export function ErrorSummary({ error, prefix = '' }: { error: unknown; prefix?: string }) {
  if (!error) return null;
  const field = fieldOf(error);
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>There is a problem</h2>
      <p>
        {field ? <a href={'#' + prefix + field}>{describeError(error)}</a> : describeError(error)}
      </p>
    </div>
  );
}

export function errorFor(error: unknown, name: string): string | null {
  return fieldOf(error) === name ? describeError(error) : null;
}
