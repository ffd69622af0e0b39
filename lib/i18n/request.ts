import { getRequestConfig } from "next-intl/server";
import { requestConfigFor } from "./config";

export default getRequestConfig(async ({ requestLocale }) => requestConfigFor(await requestLocale));
