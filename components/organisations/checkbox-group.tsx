"use client";

import type { ReactNode } from "react";
import { FieldSet } from "@/components/forms/field";
import { cn } from "@/lib/utils";

export type CheckboxOption = { value: string; label: string };

/** Checkboxes for a list value (themes, cooperation types, languages…). */
export function CheckboxList({
  name,
  options,
  value,
  onChange,
  onBlur,
  className,
}: {
  name: string;
  options: CheckboxOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  className?: string;
}) {
  const toggle = (option: string, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    // Keep the order of the options, whatever the order of the clicks.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <ul className={cn("grid gap-2 sm:grid-cols-2", className)}>
      {options.map((option) => (
        <li key={option.value}>
          <label className="flex h-full cursor-pointer items-start gap-2.5 rounded-md border border-border bg-card px-3 py-2.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-secondary/60 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              onBlur={onBlur}
              className="mt-0.5 size-4 shrink-0 accent-primary focus-visible:outline-none"
            />
            <span>{option.label}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/** A labelled group of checkboxes with its hint and error. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  children,
  ...list
}: {
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  children?: ReactNode;
} & Parameters<typeof CheckboxList>[0]) {
  return (
    <div id={id} className="scroll-mt-6">
      <FieldSet legend={legend} hint={hint} error={error}>
        <CheckboxList {...list} />
        {children}
      </FieldSet>
    </div>
  );
}
