# concurrent.futures: ProcessPoolExecutor's map and submit, as in the docs' prime-checking example
import concurrent.futures
import math

PRIMES = [
    112272535095293,
    112582705942171,
    112272535095293,
    115280095190773,
    115797848077099,
    1099726899285419]


def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False
    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, min(sqrt_n, 2000) + 1, 2):
        if n % i == 0:
            return False
    return True


def square(x):
    return x * x


def boom():
    raise RuntimeError("worker failed")


def main():
    with concurrent.futures.ProcessPoolExecutor() as executor:
        for number, prime in zip(PRIMES, executor.map(is_prime, PRIMES)):
            print('%d is prime: %s' % (number, prime))
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(square, n) for n in range(5)]
        print([f.result() for f in futures])
        done = [f.result() for f in concurrent.futures.as_completed(futures)]
        print(sorted(done))
        bad = executor.submit(boom)
        try:
            bad.result()
        except RuntimeError as e:
            print("result() raised:", e)
        print(bad.done(), type(bad.exception()).__name__)
    try:
        concurrent.futures.ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print(e)


if __name__ == '__main__':
    main()
