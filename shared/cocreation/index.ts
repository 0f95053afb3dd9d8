export * from './doc';
export * from './perspectives';
export * from './voice';
export * from './votes';
export * from './agenda';
