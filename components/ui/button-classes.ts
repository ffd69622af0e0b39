// The primary button's look as one fixed class string, for the error pages:
// they are client components on every page's first load, and the Button
// component would bring its class-merging helpers (tailwind-merge,
// class-variance-authority, Radix Slot: about 12 KiB) to pages that have no
// other use for them. Keep in step with buttonVariants' default variant and size.
export const PRIMARY_BUTTON =
  "inline-flex h-10 items-center justify-center gap-2 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground transition-colors hover:bg-primary/90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 disabled:pointer-events-none disabled:opacity-50";
