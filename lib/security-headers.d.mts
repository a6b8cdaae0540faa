export declare function contentSecurityPolicy(nonce: string, options?: { dev?: boolean }): string;
export declare function newNonce(): string;
export declare const SECURITY_HEADERS: { key: string; value: string }[];
export declare const STATIC_ASSET_HEADERS: { key: string; value: string }[];
