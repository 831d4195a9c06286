-- Reads buckets, each atomically with its last-event times. KEYS[1] meta.
-- ARGV: layout hash, K kinds, then per bucket (2): tier, bucket index.
-- Returns per bucket a list of K + 1 flat lists (article, value, ...): the counts of each kind, then the
-- latest event times. A bucket the store no longer holds reads as empty lists.
local hash = ARGV[1]
local K = tonumber(ARGV[2])
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
local out = {}
local i = 3
while i <= #ARGV do
  local t, b = ARGV[i], ARGV[i + 1]
  local parts = {}
  for k = 0, K - 1 do
    e = need_zset(ckey(t, b, k))
    if e then
      return redis.error_reply(e)
    end
    parts[k + 1] = redis.call('ZRANGE', ckey(t, b, k), 0, -1, 'WITHSCORES')
  end
  e = need_zset(lkey(t, b))
  if e then
    return redis.error_reply(e)
  end
  parts[K + 1] = redis.call('ZRANGE', lkey(t, b), 0, -1, 'WITHSCORES')
  out[#out + 1] = parts
  i = i + 2
end
return out
