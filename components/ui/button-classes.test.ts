// The error pages draw their button from a fixed class string
// (components/ui/button-classes.ts) instead of the Button component, to keep
// its class helpers out of every page's first load: it must look the same.
import { describe, expect, it } from "vitest";
import { buttonVariants } from "@/components/ui/button";
import { PRIMARY_BUTTON } from "@/components/ui/button-classes";

const classes = (value: string) => new Set(value.split(/\s+/).filter(Boolean));

describe("the error pages' button", () => {
  it("has exactly the classes of the default Button", () => {
    expect(classes(PRIMARY_BUTTON)).toEqual(classes(buttonVariants()));
  });
});
