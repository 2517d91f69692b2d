/* Linux interfaces the Swift Glibc module does not export: epoll, eventfd, accept4 and
 * pthread_setname_np. The last two are GNU extensions that glibc only declares under
 * _GNU_SOURCE; defining that here would change shared struct layouts and clash with the Glibc
 * module, so the two prototypes are declared as glibc defines them. */
#ifndef CHTTPSYSTEM_SHIM_H
#define CHTTPSYSTEM_SHIM_H

#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <pthread.h>

extern int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);
extern int pthread_setname_np(pthread_t thread, const char *name);

static inline int chttp_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}

static inline int chttp_set_thread_name(const char *name) {
    return pthread_setname_np(pthread_self(), name);
}

#endif
