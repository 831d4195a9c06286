package dev.masthead.redis;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has written a command and then read nothing for longer than a limit, so that
 * Lettuce reconnects. Lettuce times such commands out but keeps the connection, and reconnects only when TCP
 * reports it broken: a proxy or network that wedges mid-reply, with the socket still open, would leave every
 * later command timing out for good (lettuce issues #1523 and #1727), while a new connection would be answered.
 *
 * <p>Each channel gets one handler, nearest the socket, that notes when a write found no read pending since
 * the last read and clears that on any read; a check on the channel's event loop, every quarter of the limit,
 * closes the channel once the oldest unanswered write is older than the limit. Commands in flight then fail
 * and are not re-sent ({@link RedisConnection}'s replay filter), as after any dropped connection. An idle
 * connection is never closed. All state lives on the channel's event loop thread.
 */
final class ReplyWatchdog implements NettyCustomizer {
  private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

  private final long limitNanos;

  /**
   * @param limit how long a written command may go without any reply bytes before the connection is closed
   */
  ReplyWatchdog(Duration limit) {
    this.limitNanos = limit.toNanos();
  }

  /** The limit for a command timeout: two timeouts, and at least one second, so a busy Redis is not dropped. */
  static Duration limitFor(Duration commandTimeout) {
    Duration two = commandTimeout.multipliedBy(2);
    return two.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : two;
  }

  @Override
  public void afterChannelInitialized(Channel channel) {
    channel.pipeline().addFirst("masthead-reply-watchdog", new Handler());
  }

  private final class Handler extends ChannelDuplexHandler {
    /** When a write found nothing unanswered, in {@link System#nanoTime()}; 0 when every write was answered. */
    private long unansweredSince;
    private ScheduledFuture<?> check;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      if (ctx.channel().isActive()) {
        schedule(ctx);
      }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      schedule(ctx);
      super.channelActive(ctx);
    }

    private void schedule(ChannelHandlerContext ctx) {
      if (check == null) {
        long period = Math.max(1, limitNanos / 4);
        check = ctx.executor().scheduleAtFixedRate(() -> inspect(ctx), period, period, TimeUnit.NANOSECONDS);
      }
    }

    private void inspect(ChannelHandlerContext ctx) {
      long since = unansweredSince;
      if (since != 0 && System.nanoTime() - since > limitNanos && ctx.channel().isActive()) {
        LOG.info("Redis at {} sent nothing for {} ms while commands waited: closing the connection to reconnect",
            ctx.channel().remoteAddress(), (System.nanoTime() - since) / 1_000_000);
        unansweredSince = 0;
        ctx.close();
      }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
      if (unansweredSince == 0) {
        unansweredSince = System.nanoTime() | 1; // never 0
      }
      super.write(ctx, msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      unansweredSince = 0;
      super.channelRead(ctx, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      cancel();
      super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      cancel();
    }

    private void cancel() {
      if (check != null) {
        check.cancel(false);
        check = null;
      }
    }
  }
}
