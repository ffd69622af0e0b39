import { inter } from "./fonts";

// Reached only for paths outside any language (/x.txt, /favicon.ico); paths
// under /en or /zh get the 404 page in their language (app/[locale]/not-found.tsx).
export default function GlobalNotFound() {
  return (
    <html lang="en" className={inter.variable}>
      <body className="font-sans">
        {/* Rendered outside any layout: the title is set here (React puts it in <head>). */}
        <title>Page not found · 页面不存在</title>
        <meta name="robots" content="noindex" />
        <main className="mx-auto max-w-xl px-6 py-24 text-center">
          <h1 className="text-2xl font-semibold">
            Page not found · <span lang="zh-CN">页面不存在</span>
          </h1>
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
