// A cap on argon2 work that anonymous callers can start. One verification at
// production cost takes 64 MiB and about half a second of a core, on libuv's
// thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), which
// file and DNS work share: a burst of sign-ins must not take all of it, nor
// all the memory. A few run at once, a few more wait their turn; beyond that
// the caller is refused at once with TOO_MANY_REQUESTS instead of waiting
// for seconds.
import { commonError, errorWithMessage } from '../platform/errors';

export class WorkGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly maxActive: number,
    readonly maxWaiting: number,
  ) {}

  /** A slot, possibly after waiting in the queue; call the returned function to give it back. Refuses when the queue is full. */
  async acquire(): Promise<() => void> {
    if (this.active < this.maxActive) {
      this.active++;
    } else {
      if (this.waiting.length >= this.maxWaiting) {
        throw errorWithMessage(commonError, 'TOO_MANY_REQUESTS', '登录请求过多，服务器正忙，请稍后再试');
      }
      // the slot is handed over by release(): `active` stays as it is
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }

  /** Slots in use and callers waiting, for tests and diagnostics. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}

/** The process-wide gate for sign-in, activation and operator sign-in: 4 at once, 16 waiting. */
export const argon2Gate = new WorkGate(4, 16);
