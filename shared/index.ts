export * from './errors';
export * from './api-paths';
export * from './schemas/common';
export * from './schemas/comment';
export * from './schemas/thread';
