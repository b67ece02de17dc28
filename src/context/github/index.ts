/** The GitHub read side: a client with retries, throttling and timeouts, and the pull-request gatherer. */
export { createGitHubClient, requestCount, tokenScrubber, type GitHubClientOptions } from './client.js';
export { GatherError } from './errors.js';
export { gatherPullRequest, type Gathered, type GatherOptions, type PullTarget } from './gather.js';
