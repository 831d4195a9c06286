-- The namespace's size. KEYS[1] meta. ARGV: layout hash, T tiers, K kinds, the position of the longest tracked
-- window (-1: none). Returns {live cells over every tier, distinct articles in the tracked windows' totals (the
-- longest window's, since every tracked window ends now), or -1}.
local hash = ARGV[1]
local T, K, longest = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
local cells = 0
for t = 0, T - 1 do
  e = need_zset(rkey(t))
  if e then
    return redis.error_reply(e)
  end
  for _, b in ipairs(redis.call('ZRANGE', rkey(t), 0, -1)) do
    for k = 0, K - 1 do
      e = need_hash(ckey(t, b, k))
      if e then
        return redis.error_reply(e)
      end
      cells = cells + redis.call('HLEN', ckey(t, b, k))
    end
  end
end
local articles = -1
if longest >= 0 then
  e = need_zset(WL)
  if e then
    return redis.error_reply(e)
  end
  articles = redis.call('ZCARD', WL)
end
return {cells, articles}
