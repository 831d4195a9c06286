-- Reads buckets (each bucket's cells of every kind, with their latest event times). KEYS[1] meta.
-- ARGV: layout hash, K kinds, then per bucket (2): tier, bucket index.
-- Returns per bucket a list of K flat lists (article, value, ...), one per kind, each value the cell as stored
-- (ranking-prelude.lua: count x the tier's resolution + last event ms after the bucket's start, or
-- "<count>:<last event ms>" for a count too large to pack). A bucket the store does not hold (never written, or freed) reads as empty lists; the
-- registry r:<tier> says which are held, so a long window of mostly empty buckets costs little.
local hash = ARGV[1]
local K = tonumber(ARGV[2])
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
local held = {}
local function is_held(t, b)
  if held[t] == nil then
    e = need_zset(rkey(t))
    if e then
      return nil
    end
    held[t] = {}
    for _, x in ipairs(redis.call('ZRANGE', rkey(t), 0, -1)) do
      held[t][x] = true
    end
  end
  return held[t][b] == true
end
local out = {}
local empty = {}
for k = 1, K do
  empty[k] = {}
end
local i = 3
while i <= #ARGV do
  local t, b = ARGV[i], ARGV[i + 1]
  local h = is_held(t, b)
  if e then
    return redis.error_reply(e)
  end
  if not h then
    out[#out + 1] = empty
  else
    local parts = {}
    for k = 0, K - 1 do
      e = need_hash(ckey(t, b, k))
      if e then
        return redis.error_reply(e)
      end
      parts[k + 1] = redis.call('HGETALL', ckey(t, b, k))
    end
    out[#out + 1] = parts
  end
  i = i + 2
end
return out
