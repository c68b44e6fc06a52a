/** The version of the core API that modules declare in their `engine` range. */
export const CORE_API_VERSION = '0.1.0';
