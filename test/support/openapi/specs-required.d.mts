export function specsRequired(env?: NodeJS.ProcessEnv): boolean;
