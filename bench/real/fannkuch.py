# Real workload: the fannkuch-redux kernel of pyperformance's bm_fannkuch (the Computer
# Language Benchmarks Game): permutations of a list, flips by slice assignment with a
# negative step, bound methods kept in locals.

DEFAULT_ARG = 9


def fannkuch(n):
    count = list(range(1, n + 1))
    max_flips = 0
    m = n - 1
    r = n
    check = 0
    perm1 = list(range(n))
    perm = list(range(n))
    perm1_ins = perm1.insert
    perm1_pop = perm1.pop
    checksum = 0
    permutations = 0

    while 1:
        if check < 30:
            check += 1

        while r != 1:
            count[r - 1] = r
            r -= 1

        permutations += 1
        if perm1[0] != 0 and perm1[m] != m:
            perm = perm1[:]
            flips_count = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips_count += 1
                k = perm[0]

            if flips_count > max_flips:
                max_flips = flips_count
            checksum += flips_count * (permutations % 7 + 1)

        while r != n:
            perm1_ins(r, perm1_pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return max_flips, checksum, permutations


for loop in range(2):
    result = fannkuch(DEFAULT_ARG)
print("Pfannkuchen(%d) = %d, checksum %d over %d permutations" % ((DEFAULT_ARG,) + result))
