# Prime sieve, factorisation and a few number-theory helpers.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for multiple in range(p * p, limit + 1, p):
                is_prime[multiple] = False
        p += 1
    return [i for i, flag in enumerate(is_prime) if flag]
primes = sieve(200)
print(len(primes), primes[:10], primes[-3:])
def factorise(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors
for n in [360, 97, 1001, 2 ** 20, 600851475143]:
    f = factorise(n)
    text = " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in f.items())
    print(f"{n} = {text}")
twins = [(p, p + 2) for p in primes if p + 2 in set(primes)]
print(twins[:6])
goldbach = {n: next((p, n - p) for p in primes if n - p in primes) for n in range(4, 31, 2)}
print(goldbach)
def digits_sum(n):
    return sum(int(c) for c in str(n))
print(max(range(1, 1000), key=digits_sum), digits_sum(2 ** 50))
