// "Previous · Page 2 of 5 · Next" for server-paginated lists whose page is in
// the address: plain links, so they work without JavaScript.
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

export function PageLinks({
  page,
  pages,
  href,
  labels,
}: {
  page: number;
  pages: number;
  /** The address of page n (without the language). */
  href: (n: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="mt-4 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page - 1)} rel="prev">
            {labels.previous}
          </Link>
        </Button>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted-foreground">{labels.pageOf}</span>
      {page < pages ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page + 1)} rel="next">
            {labels.next}
          </Link>
        </Button>
      ) : (
        <span />
      )}
    </nav>
  );
}
