// A labelled input with its hint and, when wrong, its error, both tied to it for screen readers.
import type { ReactNode } from 'react';

export function ContactField(props: {
  id: string;
  label: string;
  type: string;
  autoComplete: string;
  value: string;
  onChange(v: string): void;
  error?: string;
  children?: ReactNode;
}) {
  const { id, error } = props;
  const described = [props.children ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-group mt-4 mb-2">
      <label htmlFor={id} className="active">
        {props.label}
      </label>
      <input
        id={id}
        type={props.type}
        className={`form-control${error ? ' is-invalid' : ''}`}
        autoComplete={props.autoComplete}
        maxLength={254}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {error ? (
        <div className="invalid-feedback d-block" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      {props.children ? (
        <small className="form-text d-block" id={`${id}-hint`}>
          {props.children}
        </small>
      ) : null}
    </div>
  );
}
