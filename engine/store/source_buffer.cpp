// SPDX-License-Identifier: MIT
#include "store/source_buffer.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <cstdio>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace kvt::engine {
namespace {

class HeapBuffer final : public SourceBuffer {
public:
    HeapBuffer(std::string content, bool wasCompressed)
        : m_content(std::move(content)), m_compressed(wasCompressed) {}
    std::string_view bytes() const override { return m_content; }
    bool compressed() const override { return m_compressed; }

private:
    std::string m_content;
    bool m_compressed;
};

class MappedBuffer final : public SourceBuffer {
public:
    MappedBuffer(void *addr, std::size_t size) : m_addr(addr), m_size(size) {}
    ~MappedBuffer() override
    {
        if (m_addr)
            ::munmap(m_addr, m_size);
    }
    MappedBuffer(const MappedBuffer &) = delete;
    MappedBuffer &operator=(const MappedBuffer &) = delete;
    std::string_view bytes() const override { return {static_cast<const char *>(m_addr), m_size}; }
    bool compressed() const override { return false; }

private:
    void *m_addr;
    std::size_t m_size;
};

std::string describeErrno(const std::string &path, const char *what)
{
    return path + ": " + what + ": " + std::strerror(errno);
}

// Inflates a whole gzip stream (several members allowed, as `cat a.gz b.gz` produces).
bool inflateGzip(std::string_view in, std::string &out, std::string &error, const ProgressFn &progress)
{
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK) {
        error = "zlib initialisation failed";
        return false;
    }
    out.clear();
    out.reserve(in.size() * 6);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 1U << 30));
    std::uint64_t lastReport = 0;
    char chunk[1 << 16];
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef *>(chunk);
        zs.avail_out = sizeof chunk;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        out.append(chunk, sizeof chunk - zs.avail_out);
        const auto consumed = static_cast<std::size_t>(zs.next_in - reinterpret_cast<const Bytef *>(in.data()));
        if (progress && consumed - lastReport >= (1U << 20)) {
            lastReport = consumed;
            if (!progress(consumed, in.size())) {
                inflateEnd(&zs);
                error.clear();
                return false;
            }
        }
        if (rc == Z_STREAM_END) {
            if (consumed >= in.size())
                break;
            inflateReset(&zs); // another gzip member follows
            zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size() - consumed, 1U << 30));
            continue;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
            if (consumed < in.size()) {
                zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size() - consumed, 1U << 30));
                continue;
            }
            error = "gzip stream is truncated after " + std::to_string(out.size()) + " inflated bytes";
            inflateEnd(&zs);
            return true; // keep what was inflated: the readable records still load
        }
        if (rc != Z_OK) {
            error = std::string("gzip data is corrupt: ") + (zs.msg ? zs.msg : "inflate failed");
            inflateEnd(&zs);
            return true;
        }
    }
    inflateEnd(&zs);
    return true;
}

bool looksGzip(std::string_view bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f
           && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

} // namespace

std::string readStandardInput()
{
    std::string content;
    char chunk[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0)
        content.append(chunk, n);
    return content;
}

std::shared_ptr<const SourceBuffer> SourceBuffer::fromString(std::string content)
{
    return std::make_shared<HeapBuffer>(std::move(content), false);
}

std::shared_ptr<const SourceBuffer> SourceBuffer::open(const std::string &path, std::string &error,
                                                       const ProgressFn &progress)
{
    error.clear();
    std::shared_ptr<const SourceBuffer> raw;
    if (path == "-") {
        raw = std::make_shared<HeapBuffer>(readStandardInput(), false);
    } else {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            error = describeErrno(path, "cannot open");
            return nullptr;
        }
        struct stat st{};
        if (::fstat(fd, &st) != 0) {
            error = describeErrno(path, "cannot stat");
            ::close(fd);
            return nullptr;
        }
        const auto size = static_cast<std::size_t>(st.st_size);
        if (size == 0) {
            ::close(fd);
            raw = std::make_shared<HeapBuffer>(std::string{}, false);
        } else {
            void *addr = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
            ::close(fd);
            if (addr == MAP_FAILED) {
                error = describeErrno(path, "cannot map");
                return nullptr;
            }
            ::madvise(addr, size, MADV_SEQUENTIAL);
            raw = std::make_shared<MappedBuffer>(addr, size);
        }
    }
    if (!looksGzip(raw->bytes()))
        return raw;
    std::string inflated;
    std::string inflateError;
    if (!inflateGzip(raw->bytes(), inflated, inflateError, progress)) {
        error = inflateError.empty() ? std::string{} : path + ": " + inflateError;
        return nullptr;
    }
    if (!inflateError.empty())
        error = path + ": " + inflateError; // a warning: the inflated prefix is still returned
    return std::make_shared<HeapBuffer>(std::move(inflated), true);
}

void prefaultForReading(std::string_view range)
{
#ifdef MADV_POPULATE_READ
    static const auto kPage = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(range.data()) & ~(kPage - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(range.data() + range.size());
    if (end > begin)
        ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_READ);
#else
    (void)range;
#endif
}

} // namespace kvt::engine
