-- Writes the cells of one bucket of a tier into a namespace (RedisCounterStore.importFrom), or ends an import.
-- KEYS[1] meta. ARGV: layout hash, engine now (epoch ms), W windows, K kinds, tier t (-1: the end of the import),
--   bucket index b, the tier's resolution ms, the next coarser tier's resolution ms, the tier's horizon + grace ms,
--   then per cell (3): article, kind, value (as a bucket cell holds it: ranking-prelude.lua, c:<t>:<b>:<k>).
-- Sets the bucket's cells (HSET: a cell written by an earlier try of the same import is replaced, not added to),
-- registers the bucket and sets its expiry as the add script does. The end marks every tracked window to be
-- recounted from the buckets at the next slide (rebuild:<w>), so that the bands, scorings and shared latest times
-- follow the imported cells. Every key written is checked first. Returns the number of cells written.
local hash, now = ARGV[1], tonumber(ARGV[2])
local W, K, t = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
if t < 0 then
  for w = 0, W - 1 do
    redis.call('HSET', META, 'rebuild:' .. w, '1')
  end
  return 0
end
local b, res, coarse, life = ARGV[6], tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
local per = {}
for k = 0, K - 1 do
  per[k] = {}
end
for i = 10, #ARGV, 3 do
  local p = per[tonumber(ARGV[i + 1])]
  p[#p + 1] = ARGV[i]
  p[#p + 1] = ARGV[i + 2]
end
e = need_zset(rkey(t))
for k = 0, K - 1 do
  if #per[k] > 0 then
    e = e or need_hash(ckey(t, b, k))
  end
end
if e then
  return redis.error_reply(e)
end
local at = expiry_at(tonumber(b), res, coarse, life, clock_shift(now))
local n = 0
for k = 0, K - 1 do
  local p = per[k]
  local j = 1
  while j <= #p do
    local q = min(j + 2 * SLICE - 1, #p)
    redis.call('HSET', ckey(t, b, k), unpack(p, j, q))
    j = q + 1
  end
  if #p > 0 then
    redis.call('PEXPIREAT', ckey(t, b, k), at)
    n = n + #p / 2
  end
end
if n > 0 then
  redis.call('ZADD', rkey(t), b, b)
end
return n
