/** Serves a mock over real HTTP (`npm run mock-api`); see `http/startHttpServer.ts`. */
export {
	startHttpServer,
	type HttpServerOptions,
	type RunningHttpServer,
} from './http/startHttpServer.ts';
