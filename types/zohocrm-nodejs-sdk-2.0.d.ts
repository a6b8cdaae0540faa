// The parts of Zoho's official Node SDK (@zohocrm/nodejs-sdk-2.0, plain JavaScript without types)
// that lib/api/zoho-sdk.http.test.ts drives, as that version defines them.

declare module "@zohocrm/nodejs-sdk-2.0/routes/user_signature" {
  export class UserSignature {
    constructor(email: string);
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/routes/dc/environment" {
  export class Environment {
    constructor(url: string, accountsUrl: string, fileUploadUrl: string, name: string);
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/models/authenticator/oauth_token" {
  export class OAuthToken {
    getId(): string | null;
    setAccessToken(accessToken: string): void;
    setExpiresIn(expiresIn: string): void;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/models/authenticator/oauth_builder" {
  import type { OAuthToken } from "@zohocrm/nodejs-sdk-2.0/models/authenticator/oauth_token";
  export class OAuthBuilder {
    id(id: string): this;
    build(): OAuthToken;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/models/authenticator/store/token_store" {
  import type { OAuthToken } from "@zohocrm/nodejs-sdk-2.0/models/authenticator/oauth_token";
  import type { UserSignature } from "@zohocrm/nodejs-sdk-2.0/routes/user_signature";
  /** The SDK's interface for where access tokens live; it calls these and nothing else. */
  export class TokenStore {
    getToken(user: UserSignature, token: OAuthToken): OAuthToken | null;
    getTokenById(id: string, token: OAuthToken): OAuthToken | null;
    saveToken(user: UserSignature, token: OAuthToken): void;
    deleteToken(token: OAuthToken): void;
    getTokens(): OAuthToken[];
    deleteTokens(): void;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/routes/sdk_config_builder" {
  export class SDKConfigBuilder {
    autoRefreshFields(on: boolean): this;
    pickListValidation(on: boolean): this;
    build(): unknown;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/routes/logger/log_builder" {
  export class LogBuilder {
    level(level: string): this;
    filePath(path: string): this;
    build(): unknown;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/routes/initialize_builder" {
  import type { OAuthToken } from "@zohocrm/nodejs-sdk-2.0/models/authenticator/oauth_token";
  import type { TokenStore } from "@zohocrm/nodejs-sdk-2.0/models/authenticator/store/token_store";
  import type { Environment } from "@zohocrm/nodejs-sdk-2.0/routes/dc/environment";
  import type { UserSignature } from "@zohocrm/nodejs-sdk-2.0/routes/user_signature";
  interface Builder {
    user(user: UserSignature): Builder;
    environment(environment: Environment): Builder;
    token(token: OAuthToken): Builder;
    store(store: TokenStore): Builder;
    SDKConfig(config: unknown): Builder;
    resourcePath(path: string): Builder;
    logger(logger: unknown): Builder;
    initialize(): void;
  }
  /** Its constructor is asynchronous: `await new InitializeBuilder()`. */
  export const InitializeBuilder: new () => Promise<Builder>;
}

declare module "@zohocrm/nodejs-sdk-2.0/routes/initializer" {
  export class Initializer {
    static getInitializer(): Promise<Initializer | null>;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/routes/parameter_map" {
  export class ParameterMap {
    add(param: unknown, value: unknown): Promise<void>;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/utils/util/choice" {
  export class Choice<T = string> {
    constructor(value: T);
    getValue(): T;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/routes/controllers/api_response" {
  export class APIResponse {
    getStatusCode(): number;
    getObject(): unknown;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/record" {
  export class Record {
    addKeyValue(apiName: string, value: unknown): void;
    getKeyValue(apiName: string): unknown;
    setId(id: bigint): void;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/body_wrapper" {
  import type { Record } from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/record";
  export class BodyWrapper {
    setData(data: Record[]): void;
    setTrigger(trigger: string[]): void;
    setDuplicateCheckFields(fields: string[]): void;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/record_operations" {
  import type { APIResponse } from "@zohocrm/nodejs-sdk-2.0/routes/controllers/api_response";
  import type { BodyWrapper } from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/body_wrapper";
  import type { ParameterMap } from "@zohocrm/nodejs-sdk-2.0/routes/parameter_map";
  export class RecordOperations {
    createRecords(moduleAPIName: string, request: BodyWrapper): Promise<APIResponse>;
    updateRecords(moduleAPIName: string, request: BodyWrapper): Promise<APIResponse>;
    upsertRecords(moduleAPIName: string, request: BodyWrapper): Promise<APIResponse>;
    deleteRecords(moduleAPIName: string, params?: ParameterMap): Promise<APIResponse>;
  }
  export const DeleteRecordsParam: { IDS: unknown; WF_TRIGGER: unknown };
}

declare module "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/action_wrapper" {
  import type { APIException } from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/api_exception";
  import type { SuccessResponse } from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/success_response";
  export class ActionWrapper {
    getData(): (SuccessResponse | APIException)[];
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/success_response" {
  import type { Choice } from "@zohocrm/nodejs-sdk-2.0/utils/util/choice";
  export class SuccessResponse {
    getCode(): Choice;
    getStatus(): Choice;
    getMessage(): Choice;
    getAction(): Choice | null;
    getDuplicateField(): string | null;
    getDetails(): Map<string, unknown>;
  }
}

declare module "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/api_exception" {
  import type { Choice } from "@zohocrm/nodejs-sdk-2.0/utils/util/choice";
  export class APIException {
    getCode(): Choice;
    getStatus(): Choice;
    getMessage(): Choice;
    getDetails(): Map<string, unknown>;
  }
}
