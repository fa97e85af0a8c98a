# The concurrent.futures docs' ThreadPoolExecutor pattern: submit, as_completed, and a pool used without a with block; network replaced by sleeps.
# elapsed: 0.5
import concurrent.futures
import time

URLS = ['http://www.foxnews.com/',
        'http://www.cnn.com/',
        'http://europe.wsj.com/',
        'http://www.bbc.co.uk/',
        'http://nonexistant-subdomain.python.org/']

DELAYS = {URLS[0]: 0.1, URLS[1]: 0.2, URLS[2]: 0.3, URLS[3]: 0.4, URLS[4]: 0.5}

# Retrieve a single page and report the URL and contents
def load_url(url, timeout):
    time.sleep(DELAYS[url])
    if 'nonexistant' in url:
        raise OSError(f'[Errno -2] Name or service not known: {url!r}')
    return b'x' * int(DELAYS[url] * 1000)

# We can use a with statement to ensure threads are cleaned up promptly
with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
    # Start the load operations and mark each future with its URL
    future_to_url = {executor.submit(load_url, url, 60): url for url in URLS}
    for future in concurrent.futures.as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()
        except Exception as exc:
            print('%r generated an exception: %s' % (url, exc))
        else:
            print('%r page is %d bytes' % (url, len(data)))

executor = concurrent.futures.ThreadPoolExecutor(max_workers=2)
print(executor.submit(pow, 323, 1235).result() % 1000)
executor.shutdown()
