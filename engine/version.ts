/** The engine's version (ENGINE_VERSION). */
export const ENGINE_VERSION = "0.1.0";
