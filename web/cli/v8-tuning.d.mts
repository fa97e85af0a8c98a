// Types of v8-tuning.mjs for the TypeScript CLI.
export function useFullRegisterAllocator(): void;
