import localFont from "next/font/local";

// Self-hosted from the npm package: builds never fetch fonts. Chinese text
// falls back to the system's CJK fonts (see --font-sans in globals.css).
export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});
