// The hashlib module: md5, sha1, sha224, sha256, sha384, sha512 (and new(name)), hash
// objects with update/digest/hexdigest/copy/name/digest_size/block_size, and pbkdf2_hmac.
// A hash object is an Instance whose native payload is a Bytes holding its Context.
#include <cstring>

#include "vm/bytes.h"

namespace interleave {
namespace lib {
namespace {

enum class Algo : uint8_t { Md5, Sha1, Sha224, Sha256, Sha384, Sha512 };

struct AlgoInfo {
  Algo algo;
  const char* name;
  size_t digest_size;
  size_t block_size;
};
constexpr AlgoInfo kAlgos[] = {
    {Algo::Md5, "md5", 16, 64},       {Algo::Sha1, "sha1", 20, 64},      {Algo::Sha224, "sha224", 28, 64},
    {Algo::Sha256, "sha256", 32, 64}, {Algo::Sha384, "sha384", 48, 128}, {Algo::Sha512, "sha512", 64, 128},
};

// Context is the plain-data state of one running hash; it is copied byte for byte.
struct Context {
  Algo algo;
  uint64_t length;  // bytes hashed so far
  uint32_t buffered;
  unsigned char buf[128];
  uint32_t h32[8];
  uint64_t h64[8];
};

inline uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
inline uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
inline uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
inline uint32_t be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
inline uint32_t le32(const unsigned char* p) {
  return (uint32_t{p[3]} << 24) | (uint32_t{p[2]} << 16) | (uint32_t{p[1]} << 8) | p[0];
}
inline uint64_t be64(const unsigned char* p) { return (uint64_t{be32(p)} << 32) | be32(p + 4); }

void md5_block(uint32_t* h, const unsigned char* p) {
  static const uint32_t K[64] = {
      0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
      0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
      0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
      0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
      0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
      0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
      0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
      0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
  static const int R[64] = {7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 5,  9,  14, 20, 5,  9,
                            14, 20, 5,  9,  14, 20, 5,  9,  14, 20, 4,  11, 16, 23, 4,  11, 16, 23, 4,  11, 16, 23,
                            4,  11, 16, 23, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21};
  uint32_t m[16];
  for (int i = 0; i < 16; ++i) m[i] = le32(p + 4 * i);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
  for (int i = 0; i < 64; ++i) {
    uint32_t f;
    int g;
    if (i < 16) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (i < 32) {
      f = (d & b) | (~d & c);
      g = (5 * i + 1) % 16;
    } else if (i < 48) {
      f = b ^ c ^ d;
      g = (3 * i + 5) % 16;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) % 16;
    }
    uint32_t t = d;
    d = c;
    c = b;
    b = b + rol32(a + f + K[i] + m[g], R[i]);
    a = t;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
}

void sha1_block(uint32_t* h, const unsigned char* p) {
  uint32_t w[80];
  for (int i = 0; i < 16; ++i) w[i] = be32(p + 4 * i);
  for (int i = 16; i < 80; ++i) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int i = 0; i < 80; ++i) {
    uint32_t f, k;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5A827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ED9EBA1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8F1BBCDC;
    } else {
      f = b ^ c ^ d;
      k = 0xCA62C1D6;
    }
    uint32_t t = rol32(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rol32(b, 30);
    b = a;
    a = t;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

void sha256_block(uint32_t* h, const unsigned char* p) {
  static const uint32_t K[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  uint32_t w[64];
  for (int i = 0; i < 16; ++i) w[i] = be32(p + 4 * i);
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t v[8];
  std::memcpy(v, h, sizeof v);
  for (int i = 0; i < 64; ++i) {
    uint32_t S1 = ror32(v[4], 6) ^ ror32(v[4], 11) ^ ror32(v[4], 25);
    uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
    uint32_t t1 = v[7] + S1 + ch + K[i] + w[i];
    uint32_t S0 = ror32(v[0], 2) ^ ror32(v[0], 13) ^ ror32(v[0], 22);
    uint32_t mj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
    uint32_t t2 = S0 + mj;
    for (int k = 7; k > 0; --k) v[k] = v[k - 1];
    v[4] += t1;
    v[0] = t1 + t2;
  }
  for (int i = 0; i < 8; ++i) h[i] += v[i];
}

void sha512_block(uint64_t* h, const unsigned char* p) {
  static const uint64_t K[80] = {
      0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
      0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
      0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
      0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
      0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
      0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
      0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
      0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
      0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
      0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
      0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
      0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
      0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
      0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
      0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
      0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
      0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
      0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
      0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
      0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};
  uint64_t w[80];
  for (int i = 0; i < 16; ++i) w[i] = be64(p + 8 * i);
  for (int i = 16; i < 80; ++i) {
    uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t v[8];
  std::memcpy(v, h, sizeof v);
  for (int i = 0; i < 80; ++i) {
    uint64_t S1 = ror64(v[4], 14) ^ ror64(v[4], 18) ^ ror64(v[4], 41);
    uint64_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
    uint64_t t1 = v[7] + S1 + ch + K[i] + w[i];
    uint64_t S0 = ror64(v[0], 28) ^ ror64(v[0], 34) ^ ror64(v[0], 39);
    uint64_t mj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
    uint64_t t2 = S0 + mj;
    for (int k = 7; k > 0; --k) v[k] = v[k - 1];
    v[4] += t1;
    v[0] = t1 + t2;
  }
  for (int i = 0; i < 8; ++i) h[i] += v[i];
}

const AlgoInfo& info(Algo a) { return kAlgos[static_cast<int>(a)]; }

void ctx_init(Context& c, Algo a) {
  std::memset(&c, 0, sizeof c);
  c.algo = a;
  static const uint32_t md5[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  static const uint32_t sha1[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  static const uint32_t s224[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                   0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
  static const uint32_t s256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  static const uint64_t s384[8] = {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
                                   0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
                                   0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL};
  static const uint64_t s512[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                   0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                   0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
  switch (a) {
    case Algo::Md5: std::memcpy(c.h32, md5, sizeof md5); break;
    case Algo::Sha1: std::memcpy(c.h32, sha1, sizeof sha1); break;
    case Algo::Sha224: std::memcpy(c.h32, s224, sizeof s224); break;
    case Algo::Sha256: std::memcpy(c.h32, s256, sizeof s256); break;
    case Algo::Sha384: std::memcpy(c.h64, s384, sizeof s384); break;
    case Algo::Sha512: std::memcpy(c.h64, s512, sizeof s512); break;
  }
}

void ctx_block(Context& c, const unsigned char* p) {
  switch (c.algo) {
    case Algo::Md5: md5_block(c.h32, p); break;
    case Algo::Sha1: sha1_block(c.h32, p); break;
    case Algo::Sha224:
    case Algo::Sha256: sha256_block(c.h32, p); break;
    case Algo::Sha384:
    case Algo::Sha512: sha512_block(c.h64, p); break;
  }
}

void ctx_update(Context& c, const unsigned char* p, size_t n) {
  size_t bs = info(c.algo).block_size;
  c.length += n;
  while (n > 0) {
    size_t take = std::min(n, bs - c.buffered);
    std::memcpy(c.buf + c.buffered, p, take);
    c.buffered += static_cast<uint32_t>(take);
    p += take;
    n -= take;
    if (c.buffered == bs) {
      ctx_block(c, c.buf);
      c.buffered = 0;
    }
  }
}

std::string ctx_digest(Context c) {
  size_t bs = info(c.algo).block_size;
  size_t lenbytes = bs == 128 ? 16 : 8;
  uint64_t bits = c.length * 8;
  unsigned char pad[256] = {0x80};
  size_t padlen = (c.buffered < bs - lenbytes) ? bs - lenbytes - c.buffered : 2 * bs - lenbytes - c.buffered;
  unsigned char len[16] = {};
  bool little = c.algo == Algo::Md5;
  for (int i = 0; i < 8; ++i) {
    unsigned char byte = static_cast<unsigned char>(bits >> (8 * i));
    if (little) len[i] = byte;
    else len[lenbytes - 1 - i] = byte;
  }
  ctx_update(c, pad, padlen);
  ctx_update(c, len, lenbytes);
  std::string out;
  size_t ds = info(c.algo).digest_size;
  if (c.algo == Algo::Sha384 || c.algo == Algo::Sha512) {
    for (size_t i = 0; i < ds; ++i) out.push_back(static_cast<char>(c.h64[i / 8] >> (56 - 8 * (i % 8))));
  } else {
    for (size_t i = 0; i < ds; ++i) {
      uint32_t w = c.h32[i / 4];
      out.push_back(static_cast<char>(little ? w >> (8 * (i % 4)) : w >> (24 - 8 * (i % 4))));
    }
  }
  return out;
}

Context* ctx_of(VM& vm, Value self) {
  Instance* in = as_instance(self);
  Bytes* b = in ? as_bytes(in->native) : nullptr;
  if (!b || b->data.size() != sizeof(Context)) {
    vm.raise(vm.types().type_error, "descriptor requires a '_hashlib.HASH' object");
    return nullptr;
  }
  return reinterpret_cast<Context*>(b->data.data());
}

// hash_class() is the _hashlib.HASH type, kept in the hashlib module's dict.
Class* hash_class(VM& vm) {
  Value mod, cls;
  if (!vm.import_module("hashlib", mod) || !vm.get_attr(mod, vm.intern("_HASH"), cls)) return nullptr;
  return as_class(cls);
}

bool new_hash(VM& vm, Algo a, Value data, Value& out) {
  Context c;
  ctx_init(c, a);
  if (!data.is_null() && !data.is_none()) {
    std::string_view d;
    if (as_str(data)) return vm.raise(vm.types().type_error, "Strings must be encoded before hashing");
    if (!buffer_view(vm, data, d)) return vm.raise(vm.types().type_error, "object supporting the buffer API required");
    ctx_update(c, reinterpret_cast<const unsigned char*>(d.data()), d.size());
  }
  Class* cls = hash_class(vm);
  if (!cls) return false;
  Instance* in = vm.alloc<Instance>();
  in->cls = cls;
  in->native = bytes_value(vm, std::string(reinterpret_cast<const char*>(&c), sizeof c));
  out = Value::object(in);
  return true;
}

bool algo_named(std::string_view n, Algo& out) {
  std::string low;
  for (char c : n) low += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (low == "sha-1") low = "sha1";
  for (const AlgoInfo& i : kAlgos)
    if (low == i.name) {
      out = i.algo;
      return true;
    }
  return false;
}

bool data_arg(VM& vm, const CallArgs& a, uint32_t first, const char* fn, Value& data) {
  data = Value::null();
  if (a.nargs > first + 1)
    return raise_fmt(vm, vm.types().type_error, "%s() takes at most %u argument%s (%u given)", fn, first + 1,
                     first ? "s" : "", a.nargs);
  if (a.nargs > first) data = a.args[first];
  for (uint32_t i = 0; i < a.nkw; ++i) {
    const std::string& k = a.kwnames[i]->s;
    if (k == "usedforsecurity") continue;
    if ((k == "string" || k == "data") && data.is_null()) {
      data = a.kwvalues[i];
      continue;
    }
    return raise_fmt(vm, vm.types().type_error, "%s() got an unexpected keyword argument '%s'", fn, k.c_str());
  }
  return true;
}

template <Algo A>
bool h_ctor(VM& vm, const CallArgs& a, Value& out) {
  Value data;
  return data_arg(vm, a, 0, info(A).name, data) && new_hash(vm, A, data, out);
}

bool h_new(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs == 0) return vm.raise(vm.types().type_error, "new() missing required argument 'name' (pos 1)");
  Str* n = as_str(a.args[0]);
  if (!n)
    return raise_fmt(vm, vm.types().type_error, "new() argument 'name' must be str, not %s",
                     vm.type_name(a.args[0]).c_str());
  Algo algo;
  if (!algo_named(n->s, algo)) return vm.raise(vm.types().value_error, "unsupported hash type " + n->s);
  Value data;
  return data_arg(vm, a, 1, "new", data) && new_hash(vm, algo, data, out);
}

bool m_update(VM& vm, const CallArgs& a, Value& out) {
  Context* c = a.nargs ? ctx_of(vm, a.args[0]) : nullptr;
  if (!c || !no_kwargs(vm, a, "update")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "update() takes exactly one argument (%u given)", a.nargs - 1);
  std::string_view d;
  if (as_str(a.args[1])) return vm.raise(vm.types().type_error, "Strings must be encoded before hashing");
  if (!buffer_view(vm, a.args[1], d))
    return vm.raise(vm.types().type_error, "object supporting the buffer API required");
  std::string copy(d);
  ctx_update(*c, reinterpret_cast<const unsigned char*>(copy.data()), copy.size());
  out = Value();
  return true;
}

bool m_digest(VM& vm, const CallArgs& a, Value& out) {
  Context* c = a.nargs ? ctx_of(vm, a.args[0]) : nullptr;
  if (!c || !arg_count(vm, a, "digest", 0, 0, 1)) return false;
  out = bytes_value(vm, ctx_digest(*c));
  return true;
}

bool m_hexdigest(VM& vm, const CallArgs& a, Value& out) {
  Context* c = a.nargs ? ctx_of(vm, a.args[0]) : nullptr;
  if (!c || !arg_count(vm, a, "hexdigest", 0, 0, 1)) return false;
  static const char* hex = "0123456789abcdef";
  std::string r;
  for (char ch : ctx_digest(*c)) {
    unsigned char u = static_cast<unsigned char>(ch);
    r += hex[u >> 4];
    r += hex[u & 15];
  }
  out = vm.str_value(r);
  return true;
}

bool m_copy(VM& vm, const CallArgs& a, Value& out) {
  Context* c = a.nargs ? ctx_of(vm, a.args[0]) : nullptr;
  if (!c) return false;
  Instance* in = vm.alloc<Instance>();
  in->cls = as_instance(a.args[0])->cls;
  in->native = bytes_value(vm, std::string(reinterpret_cast<const char*>(c), sizeof *c));
  out = Value::object(in);
  return true;
}

bool p_name(VM& vm, const CallArgs& a, Value& out) {
  Context* c = a.nargs ? ctx_of(vm, a.args[0]) : nullptr;
  if (!c) return false;
  out = vm.str_value(info(c->algo).name);
  return true;
}
bool p_digest_size(VM& vm, const CallArgs& a, Value& out) {
  Context* c = a.nargs ? ctx_of(vm, a.args[0]) : nullptr;
  if (!c) return false;
  out = Value::integer(static_cast<int64_t>(info(c->algo).digest_size));
  return true;
}
bool p_block_size(VM& vm, const CallArgs& a, Value& out) {
  Context* c = a.nargs ? ctx_of(vm, a.args[0]) : nullptr;
  if (!c) return false;
  out = Value::integer(static_cast<int64_t>(info(c->algo).block_size));
  return true;
}

bool m_repr(VM& vm, const CallArgs& a, Value& out) {
  Context* c = a.nargs ? ctx_of(vm, a.args[0]) : nullptr;
  if (!c) return false;
  out =
      vm.str_value(std::string("<") + info(c->algo).name + " _hashlib.HASH object @ " + address(vm, a.args[0].o) + ">");
  return true;
}

std::string hmac_digest(Algo algo, std::string_view key, std::string_view msg) {
  size_t bs = info(algo).block_size;
  std::string k(key);
  if (k.size() > bs) {
    Context c;
    ctx_init(c, algo);
    ctx_update(c, reinterpret_cast<const unsigned char*>(k.data()), k.size());
    k = ctx_digest(c);
  }
  k.resize(bs, '\0');
  std::string ipad(k), opad(k);
  for (size_t i = 0; i < bs; ++i) {
    ipad[i] = static_cast<char>(ipad[i] ^ 0x36);
    opad[i] = static_cast<char>(opad[i] ^ 0x5c);
  }
  Context inner;
  ctx_init(inner, algo);
  ctx_update(inner, reinterpret_cast<const unsigned char*>(ipad.data()), bs);
  ctx_update(inner, reinterpret_cast<const unsigned char*>(msg.data()), msg.size());
  std::string ih = ctx_digest(inner);
  Context outer;
  ctx_init(outer, algo);
  ctx_update(outer, reinterpret_cast<const unsigned char*>(opad.data()), bs);
  ctx_update(outer, reinterpret_cast<const unsigned char*>(ih.data()), ih.size());
  return ctx_digest(outer);
}

bool h_pbkdf2_hmac(VM& vm, const CallArgs& a, Value& out) {
  Value p[5] = {Value::null(), Value::null(), Value::null(), Value::null(), Value()};
  uint32_t given;
  if (!bind(vm, a, Params{"pbkdf2_hmac", {"hash_name", "password", "salt", "iterations", "dklen"}, 4}, p, given))
    return false;
  Str* n = as_str(p[0]);
  if (!n)
    return raise_fmt(vm, vm.types().type_error, "pbkdf2_hmac() argument 'hash_name' must be str, not %s",
                     vm.type_name(p[0]).c_str());
  Algo algo;
  if (!algo_named(n->s, algo)) return vm.raise(vm.types().value_error, "unsupported hash type " + n->s);
  std::string_view pw, salt;
  if (!need_buffer(vm, p[1], pw) || !need_buffer(vm, p[2], salt)) return false;
  int64_t iters;
  if (!to_index(vm, p[3], iters)) return false;
  if (iters < 1) return vm.raise(vm.types().value_error, "iteration value must be greater than 0.");
  if (iters > 10000000) return vm.raise(vm.types().value_error, "iteration value is too great.");
  int64_t dklen = static_cast<int64_t>(info(algo).digest_size);
  if (!p[4].is_none() && !to_index(vm, p[4], dklen)) return false;
  if (dklen < 1) return vm.raise(vm.types().value_error, "key length must be greater than 0.");
  std::string dk;
  for (uint32_t block = 1; static_cast<int64_t>(dk.size()) < dklen; ++block) {
    std::string s(salt);
    for (int sh = 24; sh >= 0; sh -= 8) s.push_back(static_cast<char>(block >> sh));
    std::string u = hmac_digest(algo, pw, s), t = u;
    for (int64_t i = 1; i < iters; ++i) {
      u = hmac_digest(algo, pw, u);
      for (size_t k = 0; k < t.size(); ++k) t[k] = static_cast<char>(t[k] ^ u[k]);
    }
    dk += t;
  }
  dk.resize(static_cast<size_t>(dklen));
  out = bytes_value(vm, std::move(dk));
  return true;
}

bool h_hmac_digest(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "_hmac_digest") || !arg_count(vm, a, "_hmac_digest", 3, 3)) return false;
  Str* n = as_str(a.args[0]);
  Algo algo;
  if (!n || !algo_named(n->s, algo)) return vm.raise(vm.types().value_error, "unsupported hash type");
  std::string_view key, msg;
  if (!need_buffer(vm, a.args[1], key) || !need_buffer(vm, a.args[2], msg)) return false;
  out = bytes_value(vm, hmac_digest(algo, key, msg));
  return true;
}

}  // namespace

bool make_hashlib_module(VM& vm, Module* m) {
  Class* cls = vm.new_class("HASH", {vm.types().object}, true);
  cls->module = m;
  vm.define_method(cls, "update", m_update);
  vm.define_method(cls, "digest", m_digest);
  vm.define_method(cls, "hexdigest", m_hexdigest);
  vm.define_method(cls, "copy", m_copy);
  vm.define_method(cls, "__repr__", m_repr);
  define_property(vm, cls, "name", p_name);
  define_property(vm, cls, "digest_size", p_digest_size);
  define_property(vm, cls, "block_size", p_block_size);
  define_value(vm, m, "_HASH", Value::object(cls));
  define(vm, m, "md5", h_ctor<Algo::Md5>);
  define(vm, m, "sha1", h_ctor<Algo::Sha1>);
  define(vm, m, "sha224", h_ctor<Algo::Sha224>);
  define(vm, m, "sha256", h_ctor<Algo::Sha256>);
  define(vm, m, "sha384", h_ctor<Algo::Sha384>);
  define(vm, m, "sha512", h_ctor<Algo::Sha512>);
  define(vm, m, "new", h_new);
  define(vm, m, "pbkdf2_hmac", h_pbkdf2_hmac);
  define(vm, m, "_hmac_digest", h_hmac_digest);
  ValueVec names;
  for (const AlgoInfo& i : kAlgos) names.push_back(vm.str_value(i.name));
  for (const char* set_name : {"algorithms_guaranteed", "algorithms_available"}) {
    Set* s = vm.new_set(true);
    for (Value n : names)
      if (!set_add(vm, s, n)) return false;
    define_value(vm, m, set_name, Value::object(s));
  }
  return true;
}

}  // namespace lib
}  // namespace interleave
