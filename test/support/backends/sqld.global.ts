// Global setup of the `sqld` project: the API suite runs in Node against a local sqld over HTTP.
import type { TestProject } from 'vitest/node';
import { startSharedSqld } from './shared-sqld';
import './provided';

export default async function setup(project: TestProject) {
  const { server, stop } = await startSharedSqld();
  project.provide('libsqlUrl', server.url);
  project.provide('sqldDir', server.dir);
  return stop;
}
