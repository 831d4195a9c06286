-- The namespace's size. KEYS[1] meta. ARGV: layout hash, T tiers, K kinds, the position of the longest tracked
-- window (-1: none), W windows. Returns {live cells over every tier, distinct articles in the tracked windows'
-- totals (every tracked window ends now, so the longest window's), or -1, estimated bytes}. The bytes are the sum
-- of MEMORY USAGE (Redis's own estimate of a key with its value; it samples 5 elements of a hash or set) over the
-- meta hash, the bucket registries, every registered bucket's cells, the windows' bands and
-- scorings and the shared latest times; the idempotency markers (about 90 bytes per applied chunk, for 70
-- minutes) are not included, nor Redis's own overhead.
local hash = ARGV[1]
local T, K, longest, W = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
local bytes = 0
local function usage(k)
  local n = redis.call('MEMORY', 'USAGE', k)
  if n then
    bytes = bytes + n
  end
end
usage(META)
local cells = 0
for t = 0, T - 1 do
  e = need_zset(rkey(t))
  if e then
    return redis.error_reply(e)
  end
  usage(rkey(t))
  for _, b in ipairs(redis.call('ZRANGE', rkey(t), 0, -1)) do
    for k = 0, K - 1 do
      e = need_hash(ckey(t, b, k))
      if e then
        return redis.error_reply(e)
      end
      cells = cells + redis.call('HLEN', ckey(t, b, k))
      usage(ckey(t, b, k))
    end
  end
end
for w = 0, W - 1 do
  for k = 0, K - 1 do
    usage(wkey(w, k))
  end
  for _, s in ipairs(S) do
    usage(wskey(w, s.sid))
  end
end
usage(WL)
local articles = -1
if longest >= 0 then
  e = need_zset(WL)
  if e then
    return redis.error_reply(e)
  end
  articles = redis.call('ZCARD', WL)
end
return {cells, articles, bytes}
