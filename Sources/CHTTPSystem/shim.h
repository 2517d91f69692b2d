/* Linux interfaces the Swift Glibc module does not export: epoll, eventfd, accept4 and
 * pthread_setname_np, plus cancellation-free recv and send. The last two are GNU extensions that glibc only declares under
 * _GNU_SOURCE; defining that here would change shared struct layouts and clash with the Glibc
 * module, so the two prototypes are declared as glibc defines them. */
#ifndef CHTTPSYSTEM_SHIM_H
#define CHTTPSYSTEM_SHIM_H

#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

extern int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);
extern int pthread_setname_np(pthread_t thread, const char *name);

static inline int chttp_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}

static inline int chttp_set_thread_name(const char *name) {
    return pthread_setname_np(pthread_self(), name);
}

/* recv and send through syscall(2): glibc's wrappers are thread-cancellation points and pay
 * for enabling and disabling asynchronous cancellation on every call, which the event loop
 * (never cancelled) does not need. Same results and errno as recv(2) and send(2). */
static inline long chttp_recv(int fd, void *buffer, size_t count) {
    return syscall(SYS_recvfrom, fd, buffer, count, 0, (void *)0, (void *)0);
}

static inline long chttp_send(int fd, const void *buffer, size_t count) {
    return syscall(SYS_sendto, fd, buffer, count, MSG_NOSIGNAL, (void *)0, 0);
}

#endif
