export declare const CONTENT_SECURITY_POLICY: string;
export declare const SECURITY_HEADERS: { key: string; value: string }[];
export declare const STATIC_ASSET_HEADERS: { key: string; value: string }[];
