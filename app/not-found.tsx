import { inter } from "./fonts";

// Reached only for paths outside any locale; localized 404s live in app/[locale].
export default function GlobalNotFound() {
  return (
    <html lang="en" className={inter.variable}>
      <body className="font-sans">
        <main className="mx-auto max-w-xl px-6 py-24 text-center">
          <h1 className="text-2xl font-semibold">Page not found · 页面不存在</h1>
          <p className="mt-4">
            <a className="text-primary underline" href="/en">
              Home
            </a>{" "}
            ·{" "}
            <a className="text-primary underline" href="/zh" lang="zh-CN">
              首页
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
