export declare const NON_PAGE_CONTENT_SECURITY_POLICY: string;
export declare function commonSecurityHeaders(options: {
  production: boolean;
}): Array<{ key: string; value: string }>;
