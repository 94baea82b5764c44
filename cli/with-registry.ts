import type { HttpSchemaRegistryClient } from '../lambda/registry-client/client';
import { connectRegistry, type RegistrySide } from './connect';
import type { CliIo } from './io';
import type { CommonOptions } from './options';
import { createProgress, type ProgressReporter } from './progress';

/**
 * Runs a command's work against one registry: connects (credentials, TLS, retries from the
 * command line), gives the work a progress reporter (silent with `quiet`), and always stops
 * the progress output and closes the client's connections afterwards, so every command
 * ends the same way whether it succeeds or fails.
 */
export async function withRegistry<T>(
  io: CliIo,
  options: CommonOptions,
  side: RegistrySide,
  url: string,
  work: (api: HttpSchemaRegistryClient, progress: ProgressReporter) => Promise<T>,
): Promise<T> {
  const progress = createProgress(io, options.quiet);
  try {
    const api = await connectRegistry(side, url, options, io);
    try {
      return await work(api, progress);
    } finally {
      api.close();
    }
  } finally {
    progress.stop();
  }
}

/** `withRegistry` for commands that talk to both sides (sync, cut-over): both clients closed afterwards, whatever happens. */
export async function withSourceAndTarget<T>(
  io: CliIo,
  options: CommonOptions & { readonly source: string; readonly target: string },
  work: (source: HttpSchemaRegistryClient, target: HttpSchemaRegistryClient, progress: ProgressReporter) => Promise<T>,
): Promise<T> {
  return withRegistry(io, options, 'source', options.source, async (source, progress) => {
    const target = await connectRegistry('target', options.target, options, io);
    try {
      return await work(source, target, progress);
    } finally {
      target.close();
    }
  });
}
