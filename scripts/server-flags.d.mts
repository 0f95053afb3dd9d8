/** Node's flags for the compiled server (see server-flags.mjs). */
export declare const SERVER_NODE_FLAGS: string[];
