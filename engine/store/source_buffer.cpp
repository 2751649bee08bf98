// SPDX-License-Identifier: MIT
#include "engine/store/source_buffer.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace kvt::engine {
namespace {

// Bytes read into memory (standard input, tests).
class HeapBuffer final : public SourceBuffer {
public:
    explicit HeapBuffer(std::string content) : m_content(std::move(content)) { }
    std::string_view bytes() const override { return m_content; }
    bool compressed() const override { return false; }

private:
    std::string m_content;
};

// Inflated bytes in a malloc'd block: growing it by realloc lets the allocator remap pages instead
// of copying them, which matters at gigabyte sizes.
class InflatedBuffer final : public SourceBuffer {
public:
    InflatedBuffer() = default;
    ~InflatedBuffer() override { std::free(m_data); }
    InflatedBuffer(const InflatedBuffer &) = delete;
    InflatedBuffer &operator=(const InflatedBuffer &) = delete;
    std::string_view bytes() const override { return {m_data, m_size}; }
    bool compressed() const override { return true; }

    /// Room for at least @p more bytes after size(); false when memory runs out.
    bool reserveMore(std::size_t more)
    {
        if (m_capacity - m_size >= more)
            return true;
        const std::size_t capacity = std::max(m_size + more, m_capacity + m_capacity / 2);
        char *grown = static_cast<char *>(std::realloc(m_data, capacity));
        if (!grown)
            return false;
        m_data = grown;
        m_capacity = capacity;
        return true;
    }
    char *end() { return m_data + m_size; }
    std::size_t room() const { return m_capacity - m_size; }
    void grow(std::size_t n) { m_size += n; }
    std::size_t size() const { return m_size; }

private:
    char *m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

class MappedBuffer final : public SourceBuffer {
public:
    MappedBuffer(void *addr, std::size_t size) : m_addr(addr), m_size(size) { }
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

// The uncompressed size a single-member gzip file records in its last four bytes (modulo 4 GiB).
std::size_t gzipSizeHint(std::string_view in)
{
    if (in.size() < 18)
        return 0;
    const auto *tail = reinterpret_cast<const unsigned char *>(in.data() + in.size() - 4);
    return static_cast<std::size_t>(tail[0]) | static_cast<std::size_t>(tail[1]) << 8
        | static_cast<std::size_t>(tail[2]) << 16 | static_cast<std::size_t>(tail[3]) << 24;
}

// Inflates a whole gzip stream (several members allowed, as `cat a.gz b.gz` produces) straight
// into @p out. False only when cancelled (error empty) or out of memory; a damaged stream keeps
// what was inflated and sets @p error as a warning.
bool inflateGzip(std::string_view in, InflatedBuffer &out, Problem &error, const ProgressFn &progress)
{
    z_stream zs {};
    if (inflateInit2(&zs, 15 + 32) != Z_OK) {
        error = {IssueCode::InflateFailed, "zlib initialisation failed"};
        return false;
    }
    if (!out.reserveMore(std::max(gzipSizeHint(in) + 1, in.size() * 4))) {
        error = {IssueCode::OutOfMemory, "out of memory inflating the file"};
        inflateEnd(&zs);
        return false;
    }
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 1U << 30));
    std::uint64_t lastReport = 0;
    for (;;) {
        if (out.room() == 0 && !out.reserveMore(std::size_t {1} << 20)) {
            error = {IssueCode::OutOfMemory, "out of memory inflating the file"};
            inflateEnd(&zs);
            return false;
        }
        const auto room = static_cast<uInt>(std::min<std::size_t>(out.room(), 1U << 30));
        zs.next_out = reinterpret_cast<Bytef *>(out.end());
        zs.avail_out = room;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        out.grow(room - zs.avail_out);
        const auto consumed = static_cast<std::size_t>(zs.next_in - reinterpret_cast<const Bytef *>(in.data()));
        if (progress && consumed - lastReport >= (1U << 20)) {
            lastReport = consumed;
            if (!progress(consumed, in.size())) {
                inflateEnd(&zs);
                error = {};
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
            error = {IssueCode::GzipTruncated,
                "gzip stream ends early (cut short or damaged) after " + std::to_string(out.size())
                    + " inflated bytes"};
            inflateEnd(&zs);
            return true; // keep what was inflated: the readable records still load
        }
        if (rc == Z_BUF_ERROR && zs.avail_out == 0)
            continue; // the output filled up: more room next round
        if (rc != Z_OK) {
            error = {
                IssueCode::GzipCorrupt, std::string("gzip data is corrupt: ") + (zs.msg ? zs.msg : "inflate failed")};
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
    return std::make_shared<HeapBuffer>(std::move(content));
}

std::shared_ptr<const SourceBuffer> SourceBuffer::open(
    const std::string &path, Problem &error, const ProgressFn &progress)
{
    error = {};
    std::shared_ptr<const SourceBuffer> raw;
    if (path == "-") {
        raw = std::make_shared<HeapBuffer>(readStandardInput());
    } else {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            error = {IssueCode::FileUnreadable, describeErrno(path, "cannot open")};
            return nullptr;
        }
        struct stat st { };
        if (::fstat(fd, &st) != 0) {
            error = {IssueCode::FileUnreadable, describeErrno(path, "cannot stat")};
            ::close(fd);
            return nullptr;
        }
        const auto size = static_cast<std::size_t>(st.st_size);
        if (size == 0) {
            ::close(fd);
            raw = std::make_shared<HeapBuffer>(std::string {});
        } else {
            void *addr = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
            ::close(fd);
            if (addr == MAP_FAILED) {
                error = {IssueCode::FileUnreadable, describeErrno(path, "cannot map")};
                return nullptr;
            }
            ::madvise(addr, size, MADV_SEQUENTIAL);
            raw = std::make_shared<MappedBuffer>(addr, size);
        }
    }
    if (!looksGzip(raw->bytes()))
        return raw;
    auto inflated = std::make_shared<InflatedBuffer>();
    Problem inflateError;
    if (!inflateGzip(raw->bytes(), *inflated, inflateError, progress)) {
        if (!inflateError.empty())
            error = {inflateError.code, path + ": " + inflateError.message};
        return nullptr;
    }
    if (!inflateError.empty()) // a warning: the inflated prefix is still returned
        error = {inflateError.code, path + ": " + inflateError.message};
    return inflated;
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
