/**
 * The channel names, with no dependencies, so the sandboxed preload can expose one function
 * per channel without bundling the schemas. A unit test keeps this list equal to the contract.
 */
export const CHANNELS = ['app:info', 'session:get', 'cases:list', 'cases:get'] as const;
export type Channel = (typeof CHANNELS)[number];
