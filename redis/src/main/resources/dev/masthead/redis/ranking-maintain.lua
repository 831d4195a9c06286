-- Brings the namespace to a time: slides every tracked window, then frees the buckets no tier answers for.
-- KEYS[1] meta. ARGV: layout hash, T tiers, W windows, K kinds,
--   per window (4): its tier, its target (first bucket the window holds at the caller's time), its rank by
--   length, its tier's resolution ms
--   per tier (1): keepStart at the caller's time
-- Idempotent: a time at or before one already applied changes nothing. Returns the buckets freed.
local hash = ARGV[1]
local T, W, K = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
local win, i = windows_from(5, W, true)
e = slide_all(win, K)
if e then
  return redis.error_reply(e)
end
local freed = 0
for t = 0, T - 1 do
  local keep = tonumber(ARGV[i])
  i = i + 1
  e = need_zset(rkey(t))
  if e then
    return redis.error_reply(e)
  end
  local old = redis.call('ZRANGEBYSCORE', rkey(t), '-inf', '(' .. fmt(keep))
  for _, b in ipairs(old) do -- DEL works on a key of any type: nothing to check
    for k = 0, K - 1 do
      redis.call('DEL', ckey(t, b, k))
    end
    freed = freed + 1
  end
  if #old > 0 then
    redis.call('ZREMRANGEBYSCORE', rkey(t), '-inf', '(' .. fmt(keep))
  end
end
return freed
