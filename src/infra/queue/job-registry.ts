import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { buildHandlerMap, type FoundHandler } from './handler-map';
import { JOB_HANDLER_METADATA } from './job-handler.decorator';
import type { JobContext, JobName, JobResult } from './queue.contract';

type BoundHandler = (data: unknown, ctx: JobContext) => Promise<JobResult>;

/** Finds the @JobHandler methods of all providers at boot and checks the contract is complete. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private handlers = new Map<JobName, BoundHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found: FoundHandler<BoundHandler>[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, fn);
        if (name) found.push({ name, owner: `${instance.constructor.name}.${method}`, fn: (fn as BoundHandler).bind(instance) });
      }
    }
    this.handlers = buildHandlerMap(found);
  }

  get(name: JobName): BoundHandler {
    const h = this.handlers.get(name);
    if (!h) throw new Error(`No handler for job "${name}"`);
    return h;
  }
}
