export * from './roles';
export * from './ids';
export * from './protocol';
export * from './model/schema';
export * from './model/validate';
export * from './model/board';
export * from './model/richtext';
export * from './saved';
